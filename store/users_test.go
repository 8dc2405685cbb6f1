package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/auth"
)

func TestUsersAreUniqueWhateverTheirCase(t *testing.T) {
	s := storetest.New(t)
	ctx := context.Background()
	if has, err := s.HasUsers(ctx); err != nil || has {
		t.Fatalf("a new database has users: %v %v", has, err)
	}
	hash, _ := auth.HashPassword("a long enough password")
	u, err := s.AddUser(ctx, "  Ana   Lopez ", hash)
	if err != nil || u.Name != "Ana Lopez" || u.ID == 0 {
		t.Fatalf("AddUser = %+v, %v", u, err)
	}
	if _, err := s.AddUser(ctx, "ana lopez", hash); !errors.Is(err, store.ErrUserExists) {
		t.Errorf("the same name in another case: %v, want ErrUserExists", err)
	}
	if _, err := s.AddUser(ctx, "   ", hash); timeline.FieldErrors(err) == nil {
		t.Errorf("an empty name: %v, want a validation error", err)
	}
	if has, _ := s.HasUsers(ctx); !has {
		t.Error("HasUsers is false after adding one")
	}
	got, gotHash, err := s.Credentials(ctx, "ANA LOPEZ")
	if err != nil || got.ID != u.ID || gotHash != hash {
		t.Errorf("Credentials = %+v %q %v", got, gotHash, err)
	}
	if _, _, err := s.Credentials(ctx, "nobody"); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("Credentials of nobody: %v", err)
	}
}

func TestSessionsExpireAndEndWithTheUser(t *testing.T) {
	s := storetest.New(t)
	ctx := context.Background()
	hash, _ := auth.HashPassword("a long enough password")
	u, err := s.AddUser(ctx, "ana", hash)
	if err != nil {
		t.Fatal(err)
	}
	live, ended := auth.TokenHash(auth.NewToken()), auth.TokenHash(auth.NewToken())
	if err := s.CreateSession(ctx, u.ID, live, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(ctx, u.ID, ended, time.Now().Add(-time.Second)); err != nil {
		t.Fatal(err)
	}
	if got, _, err := s.Session(ctx, live); err != nil || got.Name != "ana" {
		t.Errorf("live session: %+v %v", got, err)
	}
	if _, _, err := s.Session(ctx, ended); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("expired session: %v, want ErrNotFound", err)
	}
	if err := s.ExtendSession(ctx, ended, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Session(ctx, ended); !errors.Is(err, timeline.ErrNotFound) {
		t.Error("an expired session came back to life when extended")
	}
	users, err := s.Users(ctx)
	if err != nil || len(users) != 1 || users[0].Sessions != 1 {
		t.Errorf("Users = %+v %v, want ana with one live session", users, err)
	}

	// A new password ends every session.
	other, _ := auth.HashPassword("another long password")
	if err := s.SetPassword(ctx, "ANA", other); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Session(ctx, live); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("session after a password change: %v", err)
	}
	if err := s.CreateSession(ctx, u.ID, live, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveUser(ctx, "ana"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Session(ctx, live); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("session of a removed user: %v", err)
	}
	if err := s.RemoveUser(ctx, "ana"); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("removing twice: %v", err)
	}
	if err := s.SetPassword(ctx, "ana", other); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("password of nobody: %v", err)
	}
	if err := s.EndSession(ctx, live); err != nil {
		t.Errorf("ending an unknown session: %v", err)
	}
}
