// Package evaldata finds the shared evaluation data (../shared/eval next
// to the repository) for tests. The data is not part of the repository:
// where it is absent, tests skip with a message, unless
// DATELINE_TEST_EVAL_REQUIRED=1 (set by CI) makes that a failure.
package evaldata

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the directory sub of the shared evaluation data
// ("dev", "tempeval3-train"), or skips or fails the test.
func Dir(t testing.TB, sub string) string {
	t.Helper()
	root, err := Root()
	if err == nil {
		dir := filepath.Join(root, sub)
		if _, err = os.Stat(dir); err == nil {
			return dir
		}
	}
	if os.Getenv("DATELINE_TEST_EVAL_REQUIRED") == "1" {
		t.Fatalf("the shared evaluation data is required (DATELINE_TEST_EVAL_REQUIRED=1): %v", err)
	}
	t.Skipf("no shared evaluation data (../shared/eval next to the repository, or DATELINE_SHARED_DIR): %v", err)
	return ""
}

// Root locates shared/eval: $DATELINE_SHARED_DIR/eval if set, else
// ../shared/eval beside the repository root (the directory with go.mod).
func Root() (string, error) {
	if d := os.Getenv("DATELINE_SHARED_DIR"); d != "" {
		return filepath.Abs(filepath.Join(d, "eval"))
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared", "eval"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("repository root (go.mod) not found")
		}
		dir = parent
	}
}
