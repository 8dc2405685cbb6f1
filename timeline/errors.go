package timeline

import (
	"errors"
	"strings"
)

// ErrNotFound is returned when an event, article or actor does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when an edit was based on a version of an event
// that someone else has changed since.
var ErrConflict = errors.New("changed by someone else")

// FieldError is one problem with one named field of a form or record.
type FieldError struct {
	Field   string // "title", "date", "actors"
	Message string // plain words for the user: "must not be empty"
}

// ValidationError lists every problem found in a record, field by field,
// so that a form can show each message next to its field.
type ValidationError struct {
	Fields []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Field + ": " + f.Message
	}
	return "invalid: " + strings.Join(parts, "; ")
}

// Add records a problem with field.
func (e *ValidationError) Add(field, message string) {
	e.Fields = append(e.Fields, FieldError{Field: field, Message: message})
}

// Field returns the first message recorded for field, or "".
func (e *ValidationError) Field(field string) string {
	if e == nil {
		return ""
	}
	for _, f := range e.Fields {
		if f.Field == field {
			return f.Message
		}
	}
	return ""
}

// Err returns e if it holds any problem and nil otherwise, so that
// validators can end with "return v.Err()" and callers test err != nil.
func (e *ValidationError) Err() error {
	if e == nil || len(e.Fields) == 0 {
		return nil
	}
	return e
}

// FieldErrors returns the validation error inside err, or nil if err is not
// one.
func FieldErrors(err error) *ValidationError {
	var v *ValidationError
	if errors.As(err, &v) {
		return v
	}
	return nil
}

// ErrUnavailable is returned when the storage cannot be reached (the
// database is down, restarting or refusing connections). Nothing was
// changed by the failed call; trying again later may succeed.
var ErrUnavailable = errors.New("storage unavailable")
