package views

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
)

// spoolMemory is how much of an export a spool keeps in memory before it
// moves to a temporary file: a calendar of a few hundred events never
// touches the disk.
const spoolMemory = 1 << 20

// spool holds an export while the database writes it, so that the
// export's transaction ends at the database's pace, not the client's: in
// memory up to spoolMemory, then in a temporary file that is removed as
// soon as it is created (on systems that allow it) or at Close.
type spool struct {
	mem  bytes.Buffer
	file *os.File
	buf  *bufio.Writer
	size int64
}

func (s *spool) Write(p []byte) (int, error) {
	if s.file == nil && s.mem.Len()+len(p) > spoolMemory {
		if err := s.toFile(); err != nil {
			return 0, err
		}
	}
	var (
		n   int
		err error
	)
	if s.file == nil {
		n, err = s.mem.Write(p)
	} else {
		n, err = s.buf.Write(p)
	}
	s.size += int64(n)
	return n, err
}

func (s *spool) toFile() error {
	f, err := os.CreateTemp("", "dateline-export-*")
	if err != nil {
		return fmt.Errorf("spool the export: %w", err)
	}
	os.Remove(f.Name()) // gone once closed, even if the process dies first
	s.file, s.buf = f, bufio.NewWriterSize(f, 64<<10)
	if _, err := s.mem.WriteTo(s.buf); err != nil {
		return fmt.Errorf("spool the export: %w", err)
	}
	return nil
}

// reader returns what was written, from the start. Nothing may be
// written after.
func (s *spool) reader() (io.Reader, error) {
	if s.file == nil {
		return bytes.NewReader(s.mem.Bytes()), nil
	}
	if err := s.buf.Flush(); err != nil {
		return nil, fmt.Errorf("spool the export: %w", err)
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("spool the export: %w", err)
	}
	return s.file, nil
}

// Close releases the memory or the file.
func (s *spool) Close() {
	s.mem = bytes.Buffer{}
	if s.file != nil {
		s.file.Close()
		os.Remove(s.file.Name())
	}
}
