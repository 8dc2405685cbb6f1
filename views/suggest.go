package views

import (
	"context"
	"sync"
)

// suggestions are the actor names the filter and the event form offer
// as their autocomplete (a datalist, which needs no script). Reading
// them counts the actors of the latest events, so they are kept until
// the timeline changes (its export version).
type suggestions struct {
	mu      sync.Mutex
	read    bool
	version int64
	names   []string
}

// actorSuggestions returns the actor names to suggest, most used first.
func (s *Server) actorSuggestions(ctx context.Context) ([]string, error) {
	v, err := s.export.Version(ctx)
	if err != nil {
		return nil, err
	}
	s.suggested.mu.Lock()
	if s.suggested.read && s.suggested.version == v.Changes {
		names := s.suggested.names
		s.suggested.mu.Unlock()
		return names, nil
	}
	s.suggested.mu.Unlock()
	actors, err := s.actors.Actors(ctx, suggestedActors)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(actors))
	for i, a := range actors {
		names[i] = a.Name
	}
	s.suggested.mu.Lock()
	s.suggested.read, s.suggested.version, s.suggested.names = true, v.Changes, names
	s.suggested.mu.Unlock()
	return names, nil
}
