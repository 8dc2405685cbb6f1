// Package fetch gets pages and feeds from the web for Dateline, safely: only
// http and https, only public addresses (checked on the address actually
// dialled, after DNS resolution and on every redirect), bounded time,
// redirects and size, and text decoded from its declared charset to UTF-8.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/dateline/dateline/timeline"
	"golang.org/x/net/html/charset"
)

// Defaults of Options.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxRedirects = 5
	userAgent           = "Dateline/1 (+https://github.com/dateline/dateline)"
)

// Errors a fetch ends with, besides a *StatusError. Their text is meant for
// the people who gave the address.
var (
	ErrScheme    = errors.New("only http and https addresses can be fetched")
	ErrBlocked   = errors.New("the address is on a private network (loopback, private, link-local or cloud metadata), which Dateline does not fetch from")
	ErrTooLarge  = errors.New("the response is larger than the most Dateline takes")
	ErrRedirects = errors.New("the address redirects too many times")
	ErrTimeout   = errors.New("the server did not answer in time")
	ErrNotPage   = errors.New("the address gives something other than a web page or text")
)

// StatusError is an HTTP answer other than success.
type StatusError struct {
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("the server answered %d %s", e.Code, http.StatusText(e.Code))
}

// Options configure a Client. The zero value fetches from public addresses
// only, within DefaultTimeout, up to timeline.MaxArticleBytes.
type Options struct {
	// Timeout bounds a whole fetch: connecting, redirects and reading.
	Timeout time.Duration
	// MaxBytes is the largest response body taken.
	MaxBytes int
	// MaxRedirects is how many redirects a fetch follows.
	MaxRedirects int
	// Allow decides which addresses may be dialled; nil means Public.
	// AllowAll (DATELINE_FETCH_PRIVATE=1) lets intranets and tests in.
	Allow func(netip.Addr) bool
}

// AllowAll lets every address be fetched from.
func AllowAll(netip.Addr) bool { return true }

// Public reports whether an address is on the public internet: not
// loopback, private (RFC 1918, unique-local), link-local (which holds the
// clouds' metadata services, 169.254.169.254 and fd00:ec2::254 alike),
// shared (carrier-grade NAT), unspecified, multicast or reserved. An IPv6
// address that carries an IPv4 one (mapped, NAT64, 6to4) is judged by it.
func Public(a netip.Addr) bool {
	a = a.Unmap()
	if a.Is6() && (nat64.Contains(a) || sixToFour.Contains(a)) {
		b := a.As16()
		at := 12
		if sixToFour.Contains(a) {
			at = 2
		}
		return Public(netip.AddrFrom4([4]byte(b[at : at+4])))
	}
	if !a.IsValid() || a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsInterfaceLocalMulticast() || a.IsMulticast() || a.IsUnspecified() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// nonPublic are the ranges netip's predicates leave out that are not the
// public internet either.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),      // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),  // shared address space (carrier-grade NAT)
	netip.MustParsePrefix("192.0.0.0/24"),   // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),  // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),    // reserved, and the broadcast address
	netip.MustParsePrefix("64:ff9b:1::/48"), // local-use NAT64
	netip.MustParsePrefix("100::/64"),       // discard
	netip.MustParsePrefix("2001:db8::/32"),  // documentation
	netip.MustParsePrefix("fec0::/10"),      // site-local, deprecated
}

// Client fetches pages and feeds. It is safe for concurrent use.
type Client struct {
	http *http.Client
	opts Options
}

// New returns a client with opts.
func New(opts Options) *Client {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = timeline.MaxArticleBytes
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	if opts.Allow == nil {
		opts.Allow = Public
	}
	allow := opts.Allow
	dialer := &net.Dialer{
		Timeout: 10 * time.Second,
		// Control sees the address about to be connected to, after DNS
		// resolution, for the first request and every redirect alike: a
		// name that resolves to a private address, or that changes its
		// answer between a check and the connection, is caught here.
		Control: func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil || !allow(ap.Addr()) {
				return blockedError{address}
			}
			return nil
		},
	}
	transport := &http.Transport{
		Proxy:                  nil, // a proxy would be dialled instead of the address checked
		DialContext:            dialer.DialContext,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  opts.Timeout,
		MaxResponseHeaderBytes: 64 << 10,
		MaxIdleConnsPerHost:    2,
		IdleConnTimeout:        30 * time.Second,
		ForceAttemptHTTP2:      true,
	}
	c := &Client{opts: opts}
	c.http = &http.Client{
		Transport: transport,
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > opts.MaxRedirects {
				return ErrRedirects
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return ErrScheme
			}
			return nil
		},
	}
	return c
}

// MaxBytes is the largest body the client takes.
func (c *Client) MaxBytes() int { return c.opts.MaxBytes }

// Request is what to fetch, with the validators of the copy already held
// (a conditional GET: the server may answer that nothing changed).
type Request struct {
	URL          string
	Accept       string
	ETag         string
	LastModified string
}

// Response is a fetched body, or NotModified.
type Response struct {
	URL          string // after redirects
	NotModified  bool
	ContentType  string
	Body         []byte
	ETag         string
	LastModified string
}

// Get fetches req. Anything but a 2xx (or a 304 to a conditional request)
// is a *StatusError; a body over the limit is ErrTooLarge.
func (c *Client) Get(ctx context.Context, req Request) (resp *Response, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("fetch %s: %w", req.URL, plain(err))
		}
	}()
	u, err := url.Parse(req.URL)
	switch {
	case err != nil || u.Scheme == "":
		return nil, errors.New("not a web address")
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, ErrScheme
	case u.Host == "":
		return nil, errors.New("not a web address")
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	hreq.Header.Set("User-Agent", userAgent)
	if req.Accept != "" {
		hreq.Header.Set("Accept", req.Accept)
	}
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	hresp, err := c.http.Do(hreq)
	if err != nil {
		return nil, err
	}
	defer hresp.Body.Close()
	resp = &Response{
		URL: hresp.Request.URL.String(), ContentType: hresp.Header.Get("Content-Type"),
		ETag: hresp.Header.Get("ETag"), LastModified: hresp.Header.Get("Last-Modified"),
	}
	switch {
	case hresp.StatusCode == http.StatusNotModified && (req.ETag != "" || req.LastModified != ""):
		resp.NotModified = true
		return resp, nil
	case hresp.StatusCode < 200 || hresp.StatusCode > 299:
		return nil, &StatusError{Code: hresp.StatusCode}
	case hresp.ContentLength > int64(c.opts.MaxBytes):
		return nil, c.tooLarge()
	}
	resp.Body, err = io.ReadAll(io.LimitReader(hresp.Body, int64(c.opts.MaxBytes)+1))
	if err != nil {
		return nil, err
	}
	if len(resp.Body) > c.opts.MaxBytes {
		return nil, c.tooLarge()
	}
	return resp, nil
}

func (c *Client) tooLarge() error {
	return fmt.Errorf("%w (%s)", ErrTooLarge, sizeText(c.opts.MaxBytes))
}

// Page is a web page or text, as UTF-8.
type Page struct {
	URL  string // after redirects
	Text string
}

// Page fetches an HTML page or a text file and decodes it to UTF-8 from
// the charset its Content-Type header or its <meta> gives (UTF-8 when
// neither says). Anything else (an image, a PDF) is ErrNotPage.
func (c *Client) Page(ctx context.Context, rawURL string) (Page, error) {
	resp, err := c.Get(ctx, Request{URL: rawURL, Accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"})
	if err != nil {
		return Page{}, err
	}
	text, err := Text(resp.Body, resp.ContentType)
	if err != nil {
		return Page{}, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	return Page{URL: resp.URL, Text: text}, nil
}

// Text decodes an HTML page or text file to UTF-8, by the charset of its
// Content-Type or, for HTML, of its <meta> or byte-order mark.
func Text(body []byte, contentType string) (string, error) {
	media, _, err := mime.ParseMediaType(contentType)
	if contentType == "" || err != nil {
		media = http.DetectContentType(body)
		media, _, _ = strings.Cut(media, ";")
	}
	switch media {
	case "text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml":
	default:
		return "", fmt.Errorf("%w (%s)", ErrNotPage, media)
	}
	enc, _, _ := charset.DetermineEncoding(body, contentType)
	b, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return "", fmt.Errorf("the page's characters could not be read: %w", err)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD"), nil
}

// Reason is why a fetch failed in the user's words: the error without the
// "fetch ADDRESS:" before it, which a page shows beside the address
// anyway.
func Reason(err error) string {
	msg := err.Error()
	if strings.HasPrefix(msg, "fetch ") {
		if _, after, ok := strings.Cut(msg, ": "); ok {
			return after
		}
	}
	return msg
}

// blockedError is ErrBlocked for one address.
type blockedError struct{ addr string }

func (b blockedError) Error() string        { return ErrBlocked.Error() + ": " + b.addr }
func (b blockedError) Is(target error) bool { return target == ErrBlocked }

// plain turns the transport's errors into the words of this package: a
// timeout is ErrTimeout, a refused address ErrBlocked, whatever the layers
// of url.Error and net.OpError around them.
func plain(err error) error {
	var (
		blocked blockedError
		netErr  net.Error
		dnsErr  *net.DNSError
		status  *StatusError
	)
	switch {
	case errors.As(err, &blocked):
		return blocked
	case errors.As(err, &status):
		return status
	case errors.Is(err, ErrRedirects):
		return ErrRedirects
	case errors.Is(err, ErrScheme):
		return ErrScheme
	case errors.Is(err, ErrTooLarge):
		return err
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return ErrTimeout
	case errors.As(err, &dnsErr):
		return fmt.Errorf("the name %s could not be found", dnsErr.Name)
	case errors.Is(err, syscall.ECONNREFUSED):
		return errors.New("the server refused the connection")
	case errors.Is(err, context.Canceled):
		return err
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		return uerr.Err
	}
	return err
}

func sizeText(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
