package views

import (
	"net"
	"sync"
	"time"
)

// limiter is a token bucket per key: burst attempts at once, then one more
// each every. It lives in the process: behind a load balancer each
// instance limits on its own, so N instances allow N times as many
// attempts. That is a deliberate trade: a limiter in PostgreSQL would put
// a write on the path of every attempt, which an attacker could use to
// load the database, and the password hash's cost already bounds what
// each attempt gains.
type limiter struct {
	burst float64
	every time.Duration
	// maxKeys bounds memory: past it, keys whose bucket has refilled are
	// dropped, and if that is not enough new keys go unlimited rather
	// than lock everyone out (the other limiter still applies).
	maxKeys int

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newLimiter(burst int, every time.Duration) *limiter {
	return &limiter{burst: float64(burst), every: every, maxKeys: 100_000, buckets: map[string]*bucket{}}
}

// take spends one attempt of key, or reports how long until the next one
// is allowed.
func (l *limiter) take(key string, now time.Time) (ok bool, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[key]
	if b == nil {
		if len(l.buckets) >= l.maxKeys {
			l.prune(now)
			if len(l.buckets) >= l.maxKeys {
				return true, 0
			}
		}
		b = &bucket{tokens: l.burst, at: now}
		l.buckets[key] = b
	}
	l.refill(b, now)
	if b.tokens < 1 {
		return false, time.Duration((1 - b.tokens) * float64(l.every))
	}
	b.tokens--
	return true, 0
}

// give returns one attempt to key's bucket: an attempt that succeeded, or
// that another limit refused, does not count.
func (l *limiter) give(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if b := l.buckets[key]; b != nil {
		b.tokens = min(l.burst, b.tokens+1)
	}
}

// forget refills key's bucket: a successful sign-in clears the name's
// failures.
func (l *limiter) forget(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.buckets, key)
}

func (l *limiter) refill(b *bucket, now time.Time) {
	if now.After(b.at) {
		b.tokens = min(l.burst, b.tokens+float64(now.Sub(b.at))/float64(l.every))
		b.at = now
	}
}

func (l *limiter) prune(now time.Time) {
	for k, b := range l.buckets {
		if l.refill(b, now); b.tokens >= l.burst {
			delete(l.buckets, k)
		}
	}
}

// addrKey is the limiter key of a client address. An IPv6 host usually
// has a whole /64 to itself, so that is what is limited.
func addrKey(addr string) string {
	ip := net.ParseIP(addr)
	if ip == nil || ip.To4() != nil {
		return addr
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}
