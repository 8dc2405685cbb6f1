package timeline

import "testing"

// sameActor is ActorKey equality without the allocations: the two must
// agree on every pair.
func TestSameActorIsActorKeyEquality(t *testing.T) {
	names := []string{
		"", " ", "Putin", "putin", "PUTIN", " Putin ", "Vladimir Putin", "vladimir  putin", "Vladimir\tPutin",
		"Vladimir Putins", "Vladimir Puti", "Vladimir", "Türkiye", "TÜRKIYE", "türkiye", "Turkiye",
		"São Paulo", "são  paulo", "Sao Paulo", "United\u00a0States", "United States", "united states ",
		"Kyiv", "Kyiv\u0085", "ΑΘΗΝΑ", "αθηνα", "a b", "ab", "a  b", "a bc", "ab c", "\u2000", "a\u2000b",
	}
	for _, x := range names {
		for _, y := range names {
			if got, want := sameActor(x, y), ActorKey(x) == ActorKey(y); got != want {
				t.Errorf("sameActor(%q, %q) = %v, ActorKey equality says %v", x, y, got, want)
			}
		}
	}
}

func FuzzSameActor(f *testing.F) {
	f.Add("Vladimir Putin", "vladimir  putin")
	f.Add("Türkiye", "TÜRKIYE")
	f.Fuzz(func(t *testing.T, x, y string) {
		if got, want := sameActor(x, y), ActorKey(x) == ActorKey(y); got != want {
			t.Errorf("sameActor(%q, %q) = %v, ActorKey equality says %v", x, y, got, want)
		}
	})
}
