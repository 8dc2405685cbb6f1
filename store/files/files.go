// Package files reads articles to ingest from files: text and HTML files,
// directories of them, and JSON lines with one article per line.
package files

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/ingest"
)

// jsonLine is one line of a JSON-lines file.
type jsonLine struct {
	Text      string `json:"text"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
}

// Articles yields the articles in paths: .txt and .html files (directories
// are walked), and .jsonl/.ndjson files with one article per line. A file
// or line that cannot be read is yielded as an error, and the walk goes
// on.
func Articles(paths []string, maxBytes int) iter.Seq2[ingest.Source, error] {
	return func(yield func(ingest.Source, error) bool) {
		for _, p := range paths {
			info, err := os.Stat(p)
			if err != nil {
				if !yield(ingest.Source{Name: p}, err) {
					return
				}
				continue
			}
			if !info.IsDir() {
				if !readPath(p, maxBytes, yield) {
					return
				}
				continue
			}
			stop := false
			filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					if !yield(ingest.Source{Name: path}, err) {
						stop = true
						return filepath.SkipAll
					}
					return nil
				}
				if d.IsDir() || !ingestible(path) {
					return nil
				}
				if !readPath(path, maxBytes, yield) {
					stop = true
					return filepath.SkipAll
				}
				return nil
			})
			if stop {
				return
			}
		}
	}
}

func ingestible(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".html", ".htm", ".jsonl", ".ndjson":
		return true
	}
	return false
}

func readPath(path string, maxBytes int, yield func(ingest.Source, error) bool) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		f, err := os.Open(path)
		if err != nil {
			return yield(ingest.Source{Name: path}, err)
		}
		defer f.Close()
		return readJSONLines(path, f, maxBytes, yield)
	}
	f, err := os.Open(path)
	if err != nil {
		return yield(ingest.Source{Name: path}, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, int64(maxBytes)+1))
	if err == nil && len(b) > maxBytes {
		err = fmt.Errorf("larger than %d bytes", maxBytes)
	}
	return yield(ingest.Source{Name: path, Text: string(b)}, err)
}

// readJSONLines yields one source per line of r.
func readJSONLines(name string, r io.Reader, maxBytes int, yield func(ingest.Source, error) bool) bool {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxBytes+4096)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		src := ingest.Source{Name: fmt.Sprintf("%s:%d", name, n)}
		var jl jsonLine
		err := json.Unmarshal([]byte(line), &jl)
		if err == nil {
			src.Text, src.URL, src.Title = jl.Text, jl.URL, jl.Title
			if jl.Published != "" {
				src.Published, err = timeline.ParseDate(jl.Published)
				if err == nil && src.Published.Precision() < timeline.PrecisionDay {
					err = fmt.Errorf("published %q is not a day", jl.Published)
				}
			}
		}
		if !yield(src, err) {
			return false
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("a line is longer than %d bytes", maxBytes)
		}
		return yield(ingest.Source{Name: fmt.Sprintf("%s:%d", name, n+1)}, err)
	}
	return true
}

// Count returns how many articles Articles(paths) will yield, for a progress
// bar's total: files, and the non-empty lines of JSON-lines files. It
// reads only the JSON-lines files.
func Count(paths []string) int {
	n := 0
	count := func(path string) {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".jsonl", ".ndjson":
			n += countLines(path)
		default:
			n++
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() {
			count(p)
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && ingestible(path) {
				count(path)
			}
			return nil
		})
	}
	return n
}

// countLines counts the lines of a file that hold something.
func countLines(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 1
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	n, blank := 0, true
	for {
		b, err := r.ReadByte()
		if err != nil {
			if !blank {
				n++
			}
			return n
		}
		switch b {
		case '\n':
			if !blank {
				n++
			}
			blank = true
		case ' ', '\t', '\r':
		default:
			blank = false
		}
	}
}
