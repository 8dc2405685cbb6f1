// Package migrations holds the database schema as numbered SQL files,
// applied in order by store.Migrate. Never edit a file that has landed:
// add the next number instead.
package migrations

import "embed"

// FS holds every migration file.
//
//go:embed *.sql
var FS embed.FS
