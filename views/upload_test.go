package views

import (
	"strings"
	"testing"
)

func TestUploadedFilesAreReadAsText(t *testing.T) {
	tests := []struct {
		name      string
		content   string
		text      string // "" when refused
		converted string
		problem   string
	}{
		{"UTF-8", "Leaders met in Genève.", "Leaders met in Genève.", "", ""},
		{"UTF-8 with a byte-order mark", "\uFEFFLeaders met.", "Leaders met.", "", ""},
		{"Latin-1", "Le pr\xe9sident a rencontr\xe9 son homologue \xe0 Gen\xe8ve le 3 juillet 2025.",
			"Le président a rencontré son homologue à Genève le 3 juillet 2025.", "Windows-1252 (Latin-1)", ""},
		{"Windows-1252 quotes and dashes", "The \x93deal\x94 held \x96 for now.", "The “deal” held – for now.", "Windows-1252 (Latin-1)", ""},
		{"UTF-16 with its byte-order mark", "\xff\xfeL\x00e\x00d\x00", "Led", "UTF-16", ""},
		{"a page that names its set", `<html><head><meta charset="windows-1251"></head><body><p>` + "\xcc\xee\xf1\xea\xe2\xe0" + `</p></body></html>`,
			`<html><head><meta charset="windows-1251"></head><body><p>Москва</p></body></html>`, "Windows-1251", ""},
		{"a PNG", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", "", "a.txt is a PNG image"},
		{"a PDF", "%PDF-1.7\n", "", "", "a.txt is a PDF document"},
		{"binary data", "\x00\x01\x02\x03 abc", "", "", "a.txt is binary data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, converted, problem := fileText("a.txt", []byte(tt.content))
			if text != tt.text || converted != tt.converted || !strings.HasPrefix(problem, tt.problem) || (tt.problem == "") != (problem == "") {
				t.Errorf("fileText = %q, %q, %q\nwant %q, %q, %q…", text, converted, problem, tt.text, tt.converted, tt.problem)
			}
		})
	}
}
