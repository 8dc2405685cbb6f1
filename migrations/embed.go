// Package migrations holds the database schema as numbered SQL files,
// applied in order by store.Migrate. Never edit a file that has landed:
// add the next number instead.
package migrations

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
)

// FS holds every migration file.
//
//go:embed *.sql
var FS embed.FS

// Hash names the schema the files make: it changes when any file does.
// Databases built once and kept (test templates, benchmark data) carry it
// in their names, so that a new schema never meets an old database.
func Hash() string {
	h := sha256.New()
	err := fs.WalkDir(FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(FS, path)
		fmt.Fprintf(h, "%s\x00%d\x00", path, len(b))
		h.Write(b)
		return err
	})
	if err != nil {
		panic(err) // the files are compiled in: they can always be read
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// Latest is the number of the newest migration: the schema version a
// database migrated by this code has.
func Latest() int32 {
	entries, err := fs.ReadDir(FS, ".")
	if err != nil {
		panic(err) // compiled in, as for Hash
	}
	var latest int32
	for _, e := range entries {
		digits, _, _ := strings.Cut(e.Name(), "_")
		if n, err := strconv.ParseInt(digits, 10, 32); err == nil {
			latest = max(latest, int32(n))
		}
	}
	return latest
}
