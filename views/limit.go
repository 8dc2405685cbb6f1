package views

import (
	"net"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiter is a token bucket (golang.org/x/time/rate) per key: burst
// attempts at once, then one more each every. It lives in the process:
// behind a load balancer each instance limits on its own, so N instances
// allow N times as many attempts. That is a deliberate trade: a limiter in
// PostgreSQL would put a write on the path of every attempt, which an
// attacker could use to load the database, and the password hash's cost
// already bounds what each attempt gains.
type limiter struct {
	burst int
	every time.Duration
	// maxKeys bounds memory: past it, keys whose bucket has refilled are
	// dropped, and if that is not enough new keys go unlimited rather
	// than lock everyone out (the other limiter still applies).
	maxKeys int

	mu      sync.Mutex
	buckets map[string]*rate.Limiter
}

func newLimiter(burst int, every time.Duration) *limiter {
	return &limiter{burst: burst, every: every, maxKeys: 100_000, buckets: map[string]*rate.Limiter{}}
}

// attempt is one attempt taken from a key's bucket. It is taken before the
// password is checked, so that many attempts at once cannot all slip in
// before the first failure counts.
type attempt struct {
	r  *rate.Reservation
	at time.Time
}

// giveBack returns the attempt to its bucket: an attempt that succeeded,
// or that another limit refused, does not count. It must be given back at
// the time it was taken, which is when rate can still undo it.
func (a attempt) giveBack() {
	if a.r != nil {
		a.r.CancelAt(a.at)
	}
}

// take spends one attempt of key at now, or reports how long until the
// next one is allowed.
func (l *limiter) take(key string, now time.Time) (a attempt, ok bool, wait time.Duration) {
	b := l.bucket(key, now)
	if b == nil {
		return attempt{}, true, 0
	}
	r := b.ReserveN(now, 1)
	if wait := r.DelayFrom(now); wait > 0 {
		r.CancelAt(now)
		return attempt{}, false, wait
	}
	return attempt{r: r, at: now}, true, 0
}

// bucket is key's bucket, made full if it is new; nil if there is no room
// for another key.
func (l *limiter) bucket(key string, now time.Time) *rate.Limiter {
	l.mu.Lock()
	defer l.mu.Unlock()
	if b := l.buckets[key]; b != nil {
		return b
	}
	if len(l.buckets) >= l.maxKeys {
		for k, b := range l.buckets {
			if b.TokensAt(now) >= float64(l.burst) {
				delete(l.buckets, k)
			}
		}
		if len(l.buckets) >= l.maxKeys {
			return nil
		}
	}
	b := rate.NewLimiter(rate.Every(l.every), l.burst)
	l.buckets[key] = b
	return b
}

// forget refills key's bucket: a successful sign-in clears the name's
// failures.
func (l *limiter) forget(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.buckets, key)
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
