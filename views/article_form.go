package views

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/dateline/dateline/timeline"
)

// ArticleForm is the page for adding an article: paste or upload.
type ArticleForm struct {
	Body, URL, Published string
	Example              bool // Body is the example article
	Errors               *timeline.ValidationError
	// Converted names the character set an uploaded file was converted
	// from ("Windows-1252"), "" when it was UTF-8.
	Converted string
	// TooLarge is set when the article is over the size limit.
	TooLarge bool
}

// tooLarge is the 413 page for an article over the limit.
func (s *Server) tooLarge() error {
	return statusError{status: http.StatusRequestEntityTooLarge, message: s.articleTooLarge()}
}

// readArticleForm reads the article form (parsed by Server.change). A file
// that cannot be used, or an article over the limit, becomes a field
// error; the form keeps the rest (but the article over the limit, which
// would only be sent back).
func (s *Server) readArticleForm(r *http.Request) (ArticleForm, error) {
	var f ArticleForm
	v := &timeline.ValidationError{}
	f.Errors = v
	f.Body = newlines(r.PostFormValue("body"))
	f.URL = strings.TrimSpace(r.PostFormValue("url"))
	f.Published = strings.TrimSpace(r.PostFormValue("published"))
	if len(f.Body) > s.opts.MaxArticleBytes {
		v.Add("body", s.overLimit("The text you pasted", len(f.Body)))
		f.Body, f.TooLarge = "", true
		return f, nil
	}

	file, header, err := r.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
		return f, nil // pasted, or sent URL-encoded (curl -d), which carries no file
	}
	if err != nil {
		return f, badRequest{"The file could not be read."}
	}
	defer file.Close()
	if header.Size == 0 && header.Filename == "" {
		return f, nil // an empty file input
	}
	if strings.TrimSpace(f.Body) != "" {
		v.Add("file", "paste the text or choose a file, not both")
		return f, nil
	}
	name := filepath.Base(header.Filename)
	b, err := io.ReadAll(io.LimitReader(file, int64(s.opts.MaxArticleBytes)+1))
	if err != nil {
		return f, badRequest{"The file could not be read."}
	}
	if len(b) > s.opts.MaxArticleBytes {
		v.Add("file", s.overLimit(name, int(header.Size)))
		f.TooLarge = true
		return f, nil
	}
	text, converted, problem := fileText(name, b)
	if problem == "" {
		switch ext := strings.ToLower(filepath.Ext(name)); ext {
		case ".txt", ".text", ".html", ".htm":
		default:
			problem = fmt.Sprintf("%s is not a .txt or .html file: save the article as one of those, or paste its text", name)
		}
	}
	if problem != "" {
		v.Add("file", problem)
		return f, nil
	}
	f.Body, f.Converted = newlines(text), converted
	return f, nil
}

// overLimit says that what (an uploaded file's name, or "The text you
// pasted") of size bytes is over the article size limit, and what to do.
func (s *Server) overLimit(what string, size int) string {
	return fmt.Sprintf("%s is %s, and this Dateline takes articles up to %s. Remove what is not the article "+
		"(comments, other stories), or ask whoever runs Dateline to raise the limit (serve --max-article-size).",
		what, sizeText(int64(size)), sizeText(int64(s.opts.MaxArticleBytes)))
}

// articleFormTooLarge answers an article form whose request is over the
// route's limit, too large to read at all: the form again, empty, with
// the limit.
func (s *Server) articleFormTooLarge(w http.ResponseWriter, r *http.Request) error {
	f := ArticleForm{Errors: &timeline.ValidationError{}}
	f.Errors.Add("article", s.articleTooLarge())
	return renderStatus(w, r, http.StatusRequestEntityTooLarge, ArticleFormPage(f))
}

// newlines turns every line end into "\n". Browsers send a textarea's
// line ends as "\r\n" but show a hidden field's as "\n" and may send them
// either way: the article's text must be the same at every step of the
// review, or the quotes' byte offsets would drift. ArticleHash ignores
// line ends too, so an article is recognised however it was sent.
func newlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}
