package views

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// notText names the kinds of file people upload by mistake, by the media
// type their first bytes reveal (http.DetectContentType).
var notText = map[string]string{
	"image/png": "a PNG image", "image/jpeg": "a JPEG image", "image/gif": "a GIF image",
	"image/webp": "a WebP image", "image/bmp": "a BMP image", "image/x-icon": "an icon",
	"application/pdf":               "a PDF document",
	"application/zip":               "a ZIP archive (Word and OpenDocument files are ZIP archives too)",
	"application/x-gzip":            "a gzip archive",
	"application/x-rar-compressed":  "a RAR archive",
	"application/postscript":        "a PostScript document",
	"application/vnd.ms-fontobject": "a font", "font/ttf": "a font", "font/otf": "a font",
	"font/woff": "a font", "font/woff2": "a font",
	"application/ogg": "a sound or video file", "audio/mpeg": "a sound file", "audio/wave": "a sound file",
	"video/mp4": "a video", "video/webm": "a video", "video/avi": "a video",
	"application/wasm":         "a program",
	"application/octet-stream": "binary data",
}

// fileText reads an uploaded file as an article's text, in UTF-8. A file
// in another character set is converted: by its byte-order mark, by the
// charset an HTML page declares, else by what the bytes look like
// (Latin-1 and Windows-1252 above all); converted names the set. A file
// that is no text gets problem, in the user's words.
func fileText(name string, b []byte) (text, converted, problem string) {
	media, _, _ := strings.Cut(http.DetectContentType(b), ";")
	if what, ok := notText[media]; ok {
		return "", "", notAnArticle(name, what)
	}
	enc, setName := detectCharset(b)
	if enc != nil {
		decoded, err := enc.NewDecoder().Bytes(b)
		if err != nil {
			return "", "", fmt.Sprintf("%s could not be read as %s text: save it as UTF-8, or paste its text", name, setName)
		}
		b, converted = decoded, setName
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	if !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 || controlShare(b) > 0.01 {
		return "", "", notAnArticle(name, notText["application/octet-stream"])
	}
	return string(b), converted, ""
}

func notAnArticle(name, what string) string {
	return fmt.Sprintf("%s is %s, not an article’s text: upload the article as a .txt or .html file, or paste its text", name, what)
}

// detectCharset finds the character set of b when it is not UTF-8: nil
// for UTF-8 (with or without its byte-order mark).
func detectCharset(b []byte) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "UTF-16"
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "UTF-16"
	case utf8.Valid(b):
		return nil, ""
	}
	// A page that says which set it is in is taken at its word (the
	// reader's guess when it says nothing is Windows-1252, as below).
	if enc, name, _ := charset.DetermineEncoding(b, "text/html"); name != "utf-8" && name != "windows-1252" {
		return enc, displayName(name)
	}
	if r, err := chardet.NewTextDetector().DetectBest(b); err == nil && r.Confidence >= 50 {
		if enc, err := htmlindex.Get(r.Charset); err == nil && enc != encoding.Nop {
			name, _ := htmlindex.Name(enc)
			return enc, displayName(name)
		}
	}
	// Most text that is not UTF-8 is in Western Europe's set, whose
	// Windows form is a superset of Latin-1.
	return charmap.Windows1252, displayName("windows-1252")
}

// displayName names a character set for people.
func displayName(name string) string {
	switch name {
	case "windows-1252":
		return "Windows-1252 (Latin-1)"
	case "utf-16le", "utf-16be":
		return "UTF-16"
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// controlShare is the share of b's bytes that are control characters other
// than white space: text has next to none, binary data plenty.
func controlShare(b []byte) float64 {
	if len(b) == 0 {
		return 0
	}
	n := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7F {
			n++
		}
	}
	return float64(n) / float64(len(b))
}
