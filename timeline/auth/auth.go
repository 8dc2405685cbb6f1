// Package auth holds what Dateline knows about the people who may change
// the timeline: their names, their passwords (kept only as slow argon2id
// hashes) and the random tokens of their sessions (kept only as SHA-256
// hashes). It does no I/O; the store keeps users and sessions, views signs
// people in.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// User is a person who may change the timeline.
type User struct {
	ID        int64
	Name      string
	CreatedAt time.Time
	// Sessions counts the user's sessions that have not expired (filled
	// in by listings only).
	Sessions int
}

// Limits on names and passwords.
const (
	MaxNameRunes     = 64
	MinPasswordRunes = 10
	// MaxPasswordBytes bounds the work one sign-in attempt can ask for.
	MaxPasswordBytes = 1024
)

// ErrBadPassword is returned by CheckPassword when the password does not
// match.
var ErrBadPassword = errors.New("auth: wrong password")

// NormalName is name as it is stored: white space trimmed and folded.
func NormalName(name string) string {
	return strings.Join(strings.Fields(name), " ")
}

// NameKey is the key that names are unique under: "Ana" and "ana" are one
// user.
func NameKey(name string) string {
	return strings.ToLower(NormalName(name))
}

// ValidateName says in plain words what is wrong with a user name, or
// returns nil.
func ValidateName(name string) error {
	name = NormalName(name)
	switch {
	case name == "":
		return errors.New("a user name is required")
	case !utf8.ValidString(name):
		return errors.New("the user name is not valid UTF-8 text")
	case utf8.RuneCountInString(name) > MaxNameRunes:
		return fmt.Errorf("the user name is longer than %d characters", MaxNameRunes)
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return errors.New("the user name contains control characters")
		}
	}
	return nil
}

// ValidatePassword says in plain words what is wrong with a new password,
// or returns nil.
func ValidatePassword(password string) error {
	switch {
	case !utf8.ValidString(password):
		return errors.New("the password is not valid UTF-8 text")
	case utf8.RuneCountInString(password) < MinPasswordRunes:
		return fmt.Errorf("the password is shorter than %d characters", MinPasswordRunes)
	case len(password) > MaxPasswordBytes:
		return fmt.Errorf("the password is longer than %d bytes", MaxPasswordBytes)
	}
	return nil
}

// The argon2id parameters of new hashes: OWASP's recommended minimum
// (19 MiB, two passes, one lane). Stored with every hash, so that they can
// be raised later without invalidating older hashes.
const (
	argonMemory  = 19 * 1024 // KiB
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// hashing bounds how many hashes are computed at once: each takes
// argonMemory, and a burst of sign-in attempts must not take the server's
// memory with it.
var hashing = make(chan struct{}, max(2, runtime.NumCPU()))

// HashPassword returns the argon2id hash of password in the PHC string
// format ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
func HashPassword(password string) (string, error) {
	if err := ValidatePassword(password); err != nil {
		return "", err
	}
	salt := make([]byte, argonSaltLen)
	rand.Read(salt)
	key := argonKey(password, salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

func argonKey(password string, salt []byte, t, m uint32, p uint8, n uint32) []byte {
	hashing <- struct{}{}
	defer func() { <-hashing }()
	return argon2.IDKey([]byte(password), salt, t, m, p, n)
}

// CheckPassword reports whether password matches hash: nil, ErrBadPassword,
// or an error for a hash that cannot be read.
func CheckPassword(hash, password string) error {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return errors.New("auth: not an argon2id hash")
	}
	var version int
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return errors.New("auth: unknown argon2 version")
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 || m > 1<<22 || t > 64 {
		return errors.New("auth: bad argon2 parameters")
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 || len(want) > 128 {
		return errors.New("auth: bad argon2 hash encoding")
	}
	if len(password) > MaxPasswordBytes {
		return ErrBadPassword
	}
	got := argonKey(password, salt, t, m, p, uint32(len(want)))
	if subtle.ConstantTimeCompare(got, want) != 1 {
		return ErrBadPassword
	}
	return nil
}

// dummyHash is checked against when a sign-in names no user, so that the
// answer takes as long as for a real one and does not tell who exists.
var dummyHash = sync.OnceValue(func() string {
	h, err := HashPassword("no user has this password")
	if err != nil {
		panic(err)
	}
	return h
})

// CheckNobody spends the time of a password check, for a name that is
// not a user's, and always fails.
func CheckNobody(password string) error {
	CheckPassword(dummyHash(), password)
	return ErrBadPassword
}

// NewToken returns a new random session or form token, 256 bits in
// URL-safe base64.
func NewToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// TokenHash is what is stored of a token: its SHA-256.
func TokenHash(token string) [32]byte {
	return sha256.Sum256([]byte(token))
}
