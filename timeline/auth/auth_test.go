package auth

import (
	"strings"
	"testing"
)

func TestPasswordHashes(t *testing.T) {
	hash, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=19456,t=2,p=1$") || strings.Contains(hash, "horse") {
		t.Errorf("hash %q is not an argon2id PHC string without the password", hash)
	}
	other, _ := HashPassword("correct horse battery")
	if other == hash {
		t.Error("two hashes of one password are equal: no salt")
	}
	tests := []struct {
		name     string
		password string
		want     error
	}{
		{"the same password matches", "correct horse battery", nil},
		{"another password does not", "correct horse batterY", ErrBadPassword},
		{"an empty password does not", "", ErrBadPassword},
		{"a huge password is refused without hashing it", strings.Repeat("x", MaxPasswordBytes+1), ErrBadPassword},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := CheckPassword(hash, tt.password); err != tt.want {
				t.Errorf("CheckPassword = %v, want %v", err, tt.want)
			}
		})
	}
	for _, bad := range []string{"", "$2a$10$abc", "$argon2id$v=19$m=0,t=2,p=1$AAAA$AAAA", "$argon2id$v=19$m=99999999,t=2,p=1$AAAA$AAAA"} {
		if err := CheckPassword(bad, "x"); err == nil || err == ErrBadPassword {
			t.Errorf("CheckPassword(%q) = %v, want an error about the hash", bad, err)
		}
	}
	if err := CheckNobody("anything"); err != ErrBadPassword {
		t.Errorf("CheckNobody = %v", err)
	}
}

func TestNamesAndPasswordsAreChecked(t *testing.T) {
	tests := []struct {
		name string
		err  bool
		says string
	}{
		{"ana", false, ""},
		{"  Ana   Lopez ", false, ""},
		{"", true, "required"},
		{"   ", true, "required"},
		{strings.Repeat("n", MaxNameRunes+1), true, "longer than"},
		{"ana\x00", true, "control"},
		{"\xff", true, "UTF-8"},
	}
	for _, tt := range tests {
		err := ValidateName(tt.name)
		if (err != nil) != tt.err || (err != nil && !strings.Contains(err.Error(), tt.says)) {
			t.Errorf("ValidateName(%q) = %v, want error %v saying %q", tt.name, err, tt.err, tt.says)
		}
	}
	if NameKey("  Ana   LOPEZ ") != "ana lopez" {
		t.Errorf("NameKey folds case and space: %q", NameKey("  Ana   LOPEZ "))
	}
	if err := ValidatePassword("short"); err == nil || !strings.Contains(err.Error(), "shorter than 10") {
		t.Errorf("short password: %v", err)
	}
	if err := ValidatePassword(strings.Repeat("p", MaxPasswordBytes+1)); err == nil {
		t.Error("a password over the limit is accepted")
	}
}

func TestTokensAreRandomAndStoredHashed(t *testing.T) {
	a, b := NewToken(), NewToken()
	if a == b || len(a) != 43 {
		t.Errorf("tokens %q %q", a, b)
	}
	if h := TokenHash(a); h == TokenHash(b) || h != TokenHash(strings.Clone(a)) {
		t.Error("token hashes are not a function of the token")
	}
}
