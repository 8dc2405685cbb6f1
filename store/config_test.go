package store_test

import (
	"testing"

	"github.com/dateline/dateline/store"
)

func TestThePoolSizeIsStatedUnlessTheURLSetsIt(t *testing.T) {
	tests := []struct {
		url  string
		want int32
	}{
		{"", store.DefaultMaxConns},
		{"postgres://db.example.org/dateline", store.DefaultMaxConns},
		{"postgres://db.example.org/dateline?pool_max_conns=3", 3},
		{"host=db.example.org pool_max_conns=40", 40},
	}
	for _, tt := range tests {
		cfg, err := store.ParseConfig(tt.url)
		if err != nil {
			t.Fatal(err)
		}
		if cfg.MaxConns != tt.want {
			t.Errorf("ParseConfig(%q).MaxConns = %d, want %d", tt.url, cfg.MaxConns, tt.want)
		}
	}
}
