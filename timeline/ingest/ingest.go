// Package ingest loads articles in bulk: it extracts events on every core
// and saves articles in batches, each batch one transaction. Articles
// stored before are recognised by their hash and skipped, so an
// interrupted run resumes where it stopped.
//
// It reads and writes nothing itself: articles come from a sequence of
// Sources (files read by store/files, pages fetched by store/fetch) and
// go to a Saver (the store), so that the pipeline's rules can be tested
// without either.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
)

// Source is one article to ingest.
type Source struct {
	Name      string // file name, file:line for JSON lines, or web address
	Text      string
	URL       string
	Title     string
	Published timeline.Date // zero: found in the text
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

// Saver stores articles; the store satisfies it.
type Saver interface {
	// SaveArticles stores a batch of articles with their events (events[i]
	// belong to articles[i]) in one transaction. It reports per article
	// whether it was stored before, and refuses the whole batch on any
	// error. It retries what is worth retrying (a conflict with another
	// writer) itself; an error that is timeline.ErrUnavailable means the
	// storage is gone, and the run stops.
	SaveArticles(ctx context.Context, articles []*timeline.Article, events [][]timeline.Event) (duplicates []bool, err error)
	// ExistingArticles returns which of the hashes are stored.
	ExistingArticles(ctx context.Context, hashes [][32]byte) (map[[32]byte]bool, error)
}

// Options tune a run.
type Options struct {
	Workers   int           // extraction workers; 0 means one per CPU
	Writers   int           // batches saved at once; 0 means 2
	BatchSize int           // articles per transaction; 0 means 100
	Published timeline.Date // for articles without a date of their own; zero: found in each
	MaxBytes  int           // largest article; 0 means timeline.MaxArticleBytes
	// ArticleTimeout bounds the extraction of one article: an article
	// that takes longer fails, and the run goes on. 0 means
	// DefaultArticleTimeout.
	ArticleTimeout time.Duration
	// Extract extracts one article; nil means extract.Article.
	Extract func(ctx context.Context, input string, opts extract.Options) (extract.Result, error)
	// Progress is called at most every ProgressEvery and once at the end.
	Progress      func(Progress)
	ProgressEvery time.Duration
}

// DefaultArticleTimeout is Options.ArticleTimeout unless set: a hundred
// times what the largest article takes.
const DefaultArticleTimeout = time.Minute

// Progress counts a run so far.
type Progress struct {
	Total      int // articles to read, when known (0 otherwise)
	Read       int // articles read
	Saved      int // articles stored
	Duplicates int // articles stored before, skipped
	Failed     int
	Events     int // events found in the stored articles
	Bytes      int64
	Elapsed    time.Duration
}

// Failure is an article that could not be ingested, and why.
type Failure struct {
	Name string
	Err  error
}

// Summary is the end of a run.
type Summary struct {
	Progress
	Failures []Failure
	// Undated names the articles stored without a publication date (in
	// the article or given): their relative dates could not be placed,
	// so their events may be missing until one is given.
	Undated     []string
	Interrupted bool // the context ended before every article was read
}

// Run ingests the sources; total is how many they hold, for Progress (0 if
// not known). It extracts on every core, checks in bulk which articles are
// stored already, and saves the others in batches. A source yielded with
// an error, an article that fails to extract, or one the saver refuses
// is a Failure, and the run goes on. When ctx ends it stops reading,
// saves what it has extracted, and returns with Interrupted set: running
// again resumes, since stored articles are skipped. Run returns an error
// only when the saver cannot go on.
func Run(ctx context.Context, saver Saver, sources iter.Seq2[Source, error], total int, opts Options) (Summary, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Writers <= 0 {
		opts.Writers = 2
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 100
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = timeline.MaxArticleBytes
	}
	if opts.ProgressEvery <= 0 {
		opts.ProgressEvery = 200 * time.Millisecond
	}
	if opts.ArticleTimeout <= 0 {
		opts.ArticleTimeout = DefaultArticleTimeout
	}
	if opts.Extract == nil {
		opts.Extract = extract.Article
	}
	r := &run{saver: saver, opts: opts, start: time.Now()}
	r.sum.Total = total

	jobs := make(chan Source, 4*opts.Workers)
	results := make(chan *item, 4*opts.Workers)
	readErr := make(chan error, 1)
	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	go func() { readErr <- r.read(readCtx, sources, jobs) }()

	var workers sync.WaitGroup
	for range opts.Workers {
		workers.Go(func() {
			for src := range jobs {
				item, err := r.extract(readCtx, src)
				switch {
				case readCtx.Err() != nil:
					// Stopped mid-article: the rerun reads it again.
				case err != nil:
					r.fail(src.Name, err)
				default:
					results <- item
				}
			}
		})
	}
	go func() {
		workers.Wait()
		close(results)
	}()

	err := r.write(ctx, results, stopReading)
	if rerr := <-readErr; err == nil {
		err = rerr
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sum.Elapsed = time.Since(r.start)
	r.sum.Interrupted = ctx.Err() != nil
	if opts.Progress != nil {
		opts.Progress(r.sum.Progress)
	}
	return r.sum, err
}

var errTooSlow = errors.New("the article's time limit passed")

// item is an article ready to save, with the events found in it.
type item struct {
	Name    string
	Article timeline.Article
	Events  []timeline.Event
}

type run struct {
	saver    Saver
	opts     Options
	start    time.Time
	mu       sync.Mutex
	sum      Summary
	reported time.Time
}

// read feeds the sources to the workers, skipping in bulk those stored
// already. It stops when ctx ends.
func (r *run) read(ctx context.Context, sources iter.Seq2[Source, error], jobs chan<- Source) error {
	defer close(jobs)
	const chunk = 256
	var pending []Source
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		hashes := make([][32]byte, len(pending))
		for i, s := range pending {
			hashes[i] = timeline.ArticleHash(s.Text)
		}
		stored, err := r.saver.ExistingArticles(ctx, hashes)
		if err != nil {
			return err
		}
		for i, s := range pending {
			if stored[hashes[i]] {
				r.count(func(p *Progress) { p.Duplicates++ })
				continue
			}
			select {
			case jobs <- s:
			case <-ctx.Done():
				return nil
			}
		}
		pending = pending[:0]
		return nil
	}
	for src, err := range sources {
		if ctx.Err() != nil {
			return nil
		}
		r.count(func(p *Progress) { p.Read++; p.Bytes += int64(len(src.Text)) })
		if err != nil {
			r.fail(src.Name, err)
			continue
		}
		pending = append(pending, src)
		if len(pending) == chunk {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// extract finds the events of one source, within opts.ArticleTimeout.
func (r *run) extract(ctx context.Context, src Source) (*item, error) {
	pub := src.Published
	if pub.IsZero() {
		pub = r.opts.Published
	}
	articleCtx, cancel := context.WithTimeoutCause(ctx, r.opts.ArticleTimeout, errTooSlow)
	defer cancel()
	res, err := r.opts.Extract(articleCtx, src.Text, extract.Options{Published: pub, MaxBytes: r.opts.MaxBytes})
	if err != nil {
		if ctx.Err() == nil && context.Cause(articleCtx) == errTooSlow {
			return nil, fmt.Errorf("extraction took longer than the %s allowed per article", r.opts.ArticleTimeout)
		}
		return nil, err
	}
	title := src.Title
	if title == "" {
		title = res.Title
	}
	a := timeline.Article{
		URL: src.URL, Title: truncate(title, timeline.MaxTitleRunes), Published: res.Published,
		PublishedSource: res.PublishedSource, Body: src.Text,
	}
	return &item{Name: src.Name, Article: a, Events: res.Events}, nil
}

// write saves the extracted articles in batches, with opts.Writers
// batches in flight at once and the next one gathered meanwhile, so that
// extraction goes on during the saver's work and the storage can use
// more than one core. The last batches are saved even when ctx has ended.
func (r *run) write(ctx context.Context, results <-chan *item, stopReading func()) error {
	batches := make(chan []*item) // unbuffered: a batch is gathered while others are saved
	failed := make(chan struct{}) // closed when the storage is gone
	var (
		savers  sync.WaitGroup
		once    sync.Once
		saveErr error
	)
	for range r.opts.Writers {
		savers.Go(func() {
			for batch := range batches {
				if err := r.flush(context.WithoutCancel(ctx), batch); err != nil {
					once.Do(func() { saveErr = err; close(failed) })
					return
				}
			}
		})
	}
	batch := make([]*item, 0, r.opts.BatchSize)
	send := func() bool {
		if len(batch) == 0 {
			return true
		}
		select {
		case batches <- batch:
			batch = make([]*item, 0, r.opts.BatchSize)
			return true
		case <-failed:
			return false
		}
	}
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	for open := true; open; {
		select {
		case it, ok := <-results:
			if open = ok; ok {
				batch = append(batch, it)
				if len(batch) == cap(batch) && !send() {
					open = false
				}
			}
		case <-ticker.C:
			open = send()
		case <-failed:
			open = false
		}
	}
	send()
	close(batches)
	savers.Wait()
	if saveErr != nil {
		stopReading() // the workers finish what they hold; nothing more is saved
	}
	drain(results)
	return saveErr
}

// flush saves one batch, or its articles one by one when the saver
// refuses the batch, so that one bad article costs only itself. When the
// storage is gone (timeline.ErrUnavailable), retrying is pointless and
// the run stops.
func (r *run) flush(ctx context.Context, batch []*item) error {
	dups, err := r.saveBatch(ctx, batch)
	if err == nil {
		for i, it := range batch {
			r.saved(it, dups[i])
		}
		return nil
	}
	if errors.Is(err, timeline.ErrUnavailable) {
		return err
	}
	for _, it := range batch {
		d, err := r.saveBatch(ctx, []*item{it})
		if err != nil {
			if errors.Is(err, timeline.ErrUnavailable) {
				return err
			}
			r.fail(it.Name, err)
			continue
		}
		r.saved(it, d[0])
	}
	return nil
}

func (r *run) saveBatch(ctx context.Context, items []*item) ([]bool, error) {
	articles := make([]*timeline.Article, len(items))
	events := make([][]timeline.Event, len(items))
	for i, it := range items {
		articles[i], events[i] = &it.Article, it.Events
	}
	return r.saver.SaveArticles(ctx, articles, events)
}

func drain(results <-chan *item) {
	for range results {
	}
}

func (r *run) saved(it *item, duplicate bool) {
	if !duplicate && it.Article.Published.IsZero() {
		r.mu.Lock()
		r.sum.Undated = append(r.sum.Undated, it.Name)
		r.mu.Unlock()
	}
	r.count(func(p *Progress) {
		if duplicate {
			p.Duplicates++
		} else {
			p.Saved++
			p.Events += len(it.Events)
		}
	})
}

func (r *run) fail(name string, err error) {
	r.mu.Lock()
	r.sum.Failed++
	r.sum.Failures = append(r.sum.Failures, Failure{Name: name, Err: err})
	r.mu.Unlock()
}

// count updates the progress and reports it when it is time.
func (r *run) count(f func(*Progress)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(&r.sum.Progress)
	if r.opts.Progress != nil && time.Since(r.reported) >= r.opts.ProgressEvery {
		r.reported = time.Now()
		r.sum.Elapsed = time.Since(r.start)
		r.opts.Progress(r.sum.Progress)
	}
}

func truncate(s string, n int) string {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) > n {
		return string(rs[:n])
	}
	return string(rs)
}
