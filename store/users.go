package store

import (
	"context"
	"errors"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/auth"
	"github.com/jackc/pgx/v5"
)

// ErrUserExists is returned by AddUser for a name that is taken, whatever
// its case.
var ErrUserExists = errors.New("a user of that name exists")

// AddUser stores a new user with the hash of their password
// (auth.HashPassword). The name is stored as auth.NormalName gives it.
func (s *Store) AddUser(ctx context.Context, name, passwordHash string) (u auth.User, err error) {
	defer wrap(&err, "add user %q", name)
	if err := auth.ValidateName(name); err != nil {
		v := &timeline.ValidationError{}
		v.Add("name", err.Error())
		return u, v
	}
	err = s.pool.QueryRow(ctx, `
		INSERT INTO users (name, password_hash) VALUES ($1, $2)
		ON CONFLICT (lower(name)) DO NOTHING
		RETURNING id, name, created_at`, auth.NormalName(name), passwordHash).Scan(&u.ID, &u.Name, &u.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return u, ErrUserExists
	}
	return u, err
}

// SetPassword replaces a user's password hash and ends all their
// sessions, or returns timeline.ErrNotFound.
func (s *Store) SetPassword(ctx context.Context, name, passwordHash string) (err error) {
	defer wrap(&err, "set password of %q", name)
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var id int64
		err := tx.QueryRow(ctx, `UPDATE users SET password_hash = $2 WHERE lower(name) = $1 RETURNING id`,
			auth.NameKey(name), passwordHash).Scan(&id)
		if errors.Is(err, pgx.ErrNoRows) {
			return timeline.ErrNotFound
		}
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, id)
		return err
	})
}

// RemoveUser deletes a user and their sessions, or returns
// timeline.ErrNotFound. What they changed on the timeline stays.
func (s *Store) RemoveUser(ctx context.Context, name string) (err error) {
	defer wrap(&err, "remove user %q", name)
	tag, err := s.pool.Exec(ctx, `DELETE FROM users WHERE lower(name) = $1`, auth.NameKey(name))
	if err == nil && tag.RowsAffected() == 0 {
		return timeline.ErrNotFound
	}
	return err
}

// Users lists every user by name, with their open sessions.
func (s *Store) Users(ctx context.Context) (users []auth.User, err error) {
	defer wrap(&err, "list users")
	rows, err := s.pool.Query(ctx, `
		SELECT u.id, u.name, u.created_at,
		       (SELECT count(*) FROM sessions s WHERE s.user_id = u.id AND s.expires_at > now())
		FROM users u ORDER BY lower(u.name)`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (u auth.User, err error) {
		err = r.Scan(&u.ID, &u.Name, &u.CreatedAt, &u.Sessions)
		return u, err
	})
}

// HasUsers reports whether any user exists: from then on, every change
// needs one signed in.
func (s *Store) HasUsers(ctx context.Context) (has bool, err error) {
	defer wrap(&err, "any users")
	err = s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM users)`).Scan(&has)
	return has, err
}

// Credentials returns the user of a name (any case) and their password
// hash, or timeline.ErrNotFound.
func (s *Store) Credentials(ctx context.Context, name string) (u auth.User, hash string, err error) {
	defer wrap(&err, "credentials of %q", name)
	err = s.pool.QueryRow(ctx, `SELECT id, name, created_at, password_hash FROM users WHERE lower(name) = $1`,
		auth.NameKey(name)).Scan(&u.ID, &u.Name, &u.CreatedAt, &hash)
	if errors.Is(err, pgx.ErrNoRows) {
		return u, "", timeline.ErrNotFound
	}
	return u, hash, err
}

// CreateSession starts a session for a user, known by the hash of its
// token, until expires. Sessions that have ended are cleared away on the
// way.
func (s *Store) CreateSession(ctx context.Context, userID int64, tokenHash [32]byte, expires time.Time) (err error) {
	defer wrap(&err, "create session")
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE expires_at < now()`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`,
			tokenHash[:], userID, expires)
		return err
	})
}

// Session returns the user of a session that has not expired, and when
// it expires, or timeline.ErrNotFound.
func (s *Store) Session(ctx context.Context, tokenHash [32]byte) (u auth.User, expires time.Time, err error) {
	defer wrap(&err, "find session")
	err = s.pool.QueryRow(ctx, `
		SELECT u.id, u.name, u.created_at, s.expires_at
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = $1 AND s.expires_at > now()`, tokenHash[:]).
		Scan(&u.ID, &u.Name, &u.CreatedAt, &expires)
	if errors.Is(err, pgx.ErrNoRows) {
		return u, expires, timeline.ErrNotFound
	}
	return u, expires, err
}

// ExtendSession moves a session's end to expires; an ended session stays
// ended.
func (s *Store) ExtendSession(ctx context.Context, tokenHash [32]byte, expires time.Time) (err error) {
	defer wrap(&err, "extend session")
	_, err = s.pool.Exec(ctx, `UPDATE sessions SET expires_at = $2 WHERE token_hash = $1 AND expires_at > now()`,
		tokenHash[:], expires)
	return err
}

// EndSession ends a session (signing out). An unknown session is no error.
func (s *Store) EndSession(ctx context.Context, tokenHash [32]byte) (err error) {
	defer wrap(&err, "end session")
	_, err = s.pool.Exec(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash[:])
	return err
}
