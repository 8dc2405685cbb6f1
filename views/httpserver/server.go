// Package httpserver runs Dateline's web server around the pages: it
// listens (over TLS when given a certificate), answers 503 while the
// database is not ready, refuses to serve a network address open to
// anyone, and shuts down letting requests in flight finish.
package httpserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dateline/dateline/views"
)

// ShutdownTimeout bounds how long Close lets requests in flight finish.
const ShutdownTimeout = 30 * time.Second

// Server is the web server. Set its fields, then Open it: it answers
// every request with a 503 until Ready gives it the application.
type Server struct {
	// Addr is the address to listen on, host:port (port 0 picks one).
	Addr string
	// TLSCert and TLSKey, both set, are the PEM files to serve HTTPS with.
	TLSCert, TLSKey string
	// Log hears the server's start, its problems and its shutdown; nil
	// means nowhere.
	Log *slog.Logger

	ln      net.Listener
	srv     *http.Server
	handler atomic.Pointer[http.Handler]
	reason  atomic.Pointer[string]
	done    chan error
	close   sync.Once
	closed  error
}

// Open listens and starts serving, with 503 pages until Ready.
func (s *Server) Open() error {
	if s.Log == nil {
		s.Log = slog.New(slog.DiscardHandler)
	}
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.Addr, err)
	}
	s.ln = ln
	s.Starting("starting: connecting to the database")
	starting := views.Starting(func() string { return *s.reason.Load() })
	s.handler.Store(&starting)
	s.srv = &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			(*s.handler.Load()).ServeHTTP(w, r)
		}),
		// Slow clients cannot hold connections for ever; an export
		// takes long to write, hence the longer WriteTimeout.
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.Log.Handler(), slog.LevelWarn),
	}
	s.done = make(chan error, 1)
	go func() {
		if s.TLSCert != "" {
			s.done <- s.srv.ServeTLS(ln, s.TLSCert, s.TLSKey)
		} else {
			s.done <- s.srv.Serve(ln)
		}
	}()
	s.Log.Info("accepting connections; pages answer 503 until the database is ready", "addr", ln.Addr().String())
	return nil
}

// URL is the address the server answers at, once open.
func (s *Server) URL() string {
	scheme := "http"
	if s.TLSCert != "" {
		scheme = "https"
	}
	return scheme + "://" + s.ln.Addr().String()
}

// Local reports whether the server is reachable from this machine only.
func (s *Server) Local() bool {
	tcp, ok := s.ln.Addr().(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// Starting sets why the server is not ready yet, which /healthz answers
// until Ready.
func (s *Server) Starting(reason string) { s.reason.Store(&reason) }

// WaitingForDatabase says that the database did not answer attempt, and
// will be tried again after delay (see store.OpenRetrying).
func (s *Server) WaitingForDatabase(attempt int, delay time.Duration) {
	s.Starting(fmt.Sprintf("starting: database unreachable (attempt %d, retrying in %s)", attempt, delay))
}

// CheckExposure decides whether serving is safe: a server others on the
// network can reach, with no user, would let anyone change the timeline,
// so it is refused unless insecureOpen says otherwise, with a warning
// that cannot be missed.
func (s *Server) CheckExposure(hasUsers, insecureOpen bool) error {
	if s.Local() || hasUsers {
		return nil
	}
	if !insecureOpen {
		return fmt.Errorf("refusing to serve %s, which others on the network can reach, with no user: anyone could change the timeline. "+
			"Add one first (dateline user add NAME), listen on 127.0.0.1, or pass --insecure-open to run it open anyway", s.ln.Addr())
	}
	s.Log.Warn("INSECURE: --insecure-open: serving on a network address with no user. ANYONE WHO CAN REACH " + s.URL() +
		" CAN ADD, EDIT AND DELETE EVENTS. Add a user (dateline user add NAME) to close it.")
	return nil
}

// Ready hands every request from now on to app.
func (s *Server) Ready(app http.Handler) { s.handler.Store(&app) }

// Wait serves until ctx ends (nil), or serving fails.
func (s *Server) Wait(ctx context.Context) error {
	select {
	case err := <-s.done:
		s.done <- err // for Close
		return err
	case <-ctx.Done():
		return nil
	}
}

// Close stops the server: new connections are refused at once, requests
// in flight finish within ShutdownTimeout. Closing again does nothing.
func (s *Server) Close() error {
	s.close.Do(func() { s.closed = s.shutdown() })
	return s.closed
}

func (s *Server) shutdown() error {
	if s.srv == nil {
		return nil
	}
	s.Log.Info("shutting down: finishing requests in flight")
	ctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	if err := s.srv.Shutdown(ctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-s.done; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	s.Log.Info("stopped")
	return nil
}
