// Package ingest loads articles in bulk: it reads files and JSON lines,
// extracts events on every core, and saves articles in batches, each
// batch one transaction. Articles stored before are recognised by their
// hash and skipped, so an interrupted run resumes where it stopped.
package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/dateline/dateline/store/fetch"
	"github.com/dateline/dateline/timeline"
)

// Source is one article to ingest.
type Source struct {
	Name      string // file name, or file:line for JSON lines
	Text      string
	URL       string
	Title     string
	Published timeline.Date // zero: found in the text
}

// jsonLine is one line of a JSON-lines file.
type jsonLine struct {
	Text      string `json:"text"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
}

// Files yields the articles in paths: .txt and .html files (directories
// are walked), and .jsonl/.ndjson files with one article per line. A file
// or line that cannot be read is yielded as an error, and the walk goes
// on.
func Files(paths []string, maxBytes int) iter.Seq2[Source, error] {
	return func(yield func(Source, error) bool) {
		for _, p := range paths {
			info, err := os.Stat(p)
			if err != nil {
				if !yield(Source{Name: p}, err) {
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
					if !yield(Source{Name: path}, err) {
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

func readPath(path string, maxBytes int, yield func(Source, error) bool) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		f, err := os.Open(path)
		if err != nil {
			return yield(Source{Name: path}, err)
		}
		defer f.Close()
		return readJSONLines(path, f, maxBytes, yield)
	}
	f, err := os.Open(path)
	if err != nil {
		return yield(Source{Name: path}, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, int64(maxBytes)+1))
	if err == nil && len(b) > maxBytes {
		err = fmt.Errorf("larger than %d bytes", maxBytes)
	}
	return yield(Source{Name: path, Text: string(b)}, err)
}

// readJSONLines yields one source per line of r.
func readJSONLines(name string, r io.Reader, maxBytes int, yield func(Source, error) bool) bool {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxBytes+4096)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		src := Source{Name: fmt.Sprintf("%s:%d", name, n)}
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
		return yield(Source{Name: fmt.Sprintf("%s:%d", name, n+1)}, err)
	}
	return true
}

// Pages yields the articles at the web addresses, fetched one after
// another by get (fetch.Client.Page: public addresses only, bounded time
// and size, decoded to UTF-8). A page that cannot be fetched is yielded as
// an error, and the others go on. The source is named by its address and
// keeps the address the redirects led to.
func Pages(ctx context.Context, urls []string, get func(context.Context, string) (fetch.Page, error)) iter.Seq2[Source, error] {
	return func(yield func(Source, error) bool) {
		for _, u := range urls {
			if ctx.Err() != nil {
				return
			}
			page, err := get(ctx, u)
			if !yield(Source{Name: u, Text: page.Text, URL: page.URL}, err) {
				return
			}
		}
	}
}

// IsAddress reports whether an argument names a web page rather than a
// file.
func IsAddress(arg string) bool {
	return strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://")
}

// Concat yields the sources of each sequence in turn.
func Concat(seqs ...iter.Seq2[Source, error]) iter.Seq2[Source, error] {
	return func(yield func(Source, error) bool) {
		for _, seq := range seqs {
			for src, err := range seq {
				if !yield(src, err) {
					return
				}
			}
		}
	}
}

// Count returns how many articles Files(paths) will yield, for a progress
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
