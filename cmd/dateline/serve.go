package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/views"
	"github.com/dateline/dateline/views/httpserver"
)

func serve(ctx context.Context, args []string, e env) error {
	fs := newFlags("serve", "serve [--addr HOST:PORT] [--database-url URL] [flags]", e)
	addr := fs.String("addr", envDefault(e, "DATELINE_ADDR", "127.0.0.1:8080"), "address to listen on (env DATELINE_ADDR)")
	dbURL := databaseFlag(fs, e)
	wait := fs.Duration("db-wait", 30*time.Second, "how long to keep trying to reach the database at start")
	maxArticle := maxArticleFlag(fs, e)
	workers := workersFlag(fs, e)
	sessionTTL := fs.Duration("session-ttl", 12*time.Hour, "how long a sign-in lasts unused")
	trustProxy := fs.Bool("trust-proxy", false, "honour X-Forwarded-Proto and X-Forwarded-For from a proxy in front (only behind one)")
	tlsCert := fs.String("tls-cert", "", "serve HTTPS with this certificate (PEM), with --tls-key")
	tlsKey := fs.String("tls-key", "", "the private key (PEM) of --tls-cert")
	insecureOpen := fs.Bool("insecure-open", false, "serve on a network address with no user, letting anyone change the timeline")
	maxConns := fs.String("db-max-conns", e.getenv("DATELINE_DB_MAX_CONNS"),
		fmt.Sprintf("database connections the server keeps at most (env DATELINE_DB_MAX_CONNS; default: pool_max_conns in the URL, else %d)", store.DefaultMaxConns))
	maxExports := fs.String("max-exports", e.getenv("DATELINE_MAX_EXPORTS"),
		fmt.Sprintf("exports prepared and sent at once, at most half the database connections (env DATELINE_MAX_EXPORTS; default %d, or half a smaller pool)", views.DefaultMaxExports))
	publicURL := fs.String("public-url", e.getenv("DATELINE_PUBLIC_URL"),
		"the address people reach Dateline at, such as https://news.example.org, for the calendar's subscribe link (env DATELINE_PUBLIC_URL; default: the host each request names)")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	maxBytes, err := articleLimit(*maxArticle, "serve")
	if err != nil {
		return err
	}
	if *workers < 0 {
		return usageError{"serve: --workers must be 0 (no background work) or more"}
	}
	cfg, err := databaseConfig(*dbURL)
	if err != nil {
		return err
	}
	if *maxConns != "" {
		n, err := positive("--db-max-conns", *maxConns)
		if err != nil {
			return err
		}
		cfg.MaxConns = int32(min(n, 10_000))
	} else {
		poolFor(cfg, *dbURL, *workers)
	}
	exports, err := exportLimit(*maxExports, int(cfg.MaxConns))
	if err != nil {
		return err
	}
	public, err := parsePublicURL(*publicURL)
	switch {
	case err != nil:
		return usageError{"serve: --public-url: " + err.Error()}
	case (*tlsCert == "") != (*tlsKey == ""):
		return usageError{"serve: give --tls-cert and --tls-key together"}
	case *sessionTTL < time.Minute:
		return usageError{"serve: --session-ttl must be at least a minute"}
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))

	srv := &httpserver.Server{Addr: *addr, TLSCert: *tlsCert, TLSKey: *tlsKey, Log: log}
	if err := srv.Open(); err != nil {
		return err
	}
	// Until the application is up, nothing but the server's 503 pages
	// uses the store; once it is, the server is closed before it below.
	defer srv.Close()
	st, err := store.OpenRetrying(ctx, cfg, *wait, log, srv.WaitingForDatabase)
	if err != nil {
		return err
	}
	defer st.Close()
	has, err := st.HasUsers(ctx)
	if err != nil {
		return err
	}
	if err := srv.CheckExposure(has, *insecureOpen); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	// Background work (feeds) runs here too unless --workers 0; the
	// queue enqueues either way, for dateline work elsewhere.
	q, err := startQueue(ctx, st, *workers, maxBytes, e, log)
	if err != nil {
		return err
	}
	defer stopQueue(ctx, q) // after the server, before the store
	srv.Ready(views.New(st, log, views.Options{
		MaxArticleBytes: maxBytes, RequireSignIn: !srv.Local() && !*insecureOpen, TrustProxy: *trustProxy, SessionTTL: *sessionTTL,
		PublicURL: public, MaxExports: exports, Fetch: fetchClient(e, maxBytes), Follow: q,
	}))
	log.Info("listening", "max_article_size", maxBytes, "db_max_conns", cfg.MaxConns, "max_exports", exports,
		"trust_proxy", *trustProxy, "workers", *workers, "url", srv.URL())
	if err := srv.Wait(ctx); err != nil {
		srv.Close() // before the queue and the store
		return fmt.Errorf("serve: %w", err)
	}
	return srv.Close()
}

// exportLimit reads --max-exports for a pool of maxConns connections:
// exports may take at most half of them, so that pages always have the
// other half. Unset, it is views.DefaultMaxExports, or half a smaller
// pool.
func exportLimit(flag string, maxConns int) (int, error) {
	most := max(1, maxConns/2)
	if flag == "" {
		return min(views.DefaultMaxExports, most), nil
	}
	n, err := positive("--max-exports", flag)
	if err == nil && n > most {
		err = usageError{fmt.Sprintf("serve: --max-exports %d would let exports take more than half of the %d database connections (--db-max-conns)", n, maxConns)}
	}
	return n, err
}

// positive reads a count given to flag.
func positive(flag, s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 {
		return 0, usageError{fmt.Sprintf("serve: %s: %q is not a positive number", flag, s)}
	}
	return n, nil
}

// parsePublicURL reads --public-url: an http or https address with a host
// and nothing after its path; "" is none.
func parsePublicURL(s string) (*url.URL, error) {
	if s == "" {
		return nil, nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("%q is not an address like https://news.example.org", s)
	}
	return u, nil
}

// parseSize reads a byte count: "2097152", "512KiB", "2MiB" (K and M
// alone mean the same).
func parseSize(s string) (int, error) {
	s = strings.TrimSpace(s)
	mult := 1
	for _, u := range []struct {
		suffix string
		mult   int
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"K", 1 << 10}, {"M", 1 << 20}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("%q is not a size (say 2MiB, 512KiB or a number of bytes)", s)
	}
	return n * mult, nil
}

// The store is all the storage the pages need: every one of views' small
// interfaces, asserted here where the two are wired, so that store need
// not import views.
var _ views.Store = (*store.Store)(nil)
