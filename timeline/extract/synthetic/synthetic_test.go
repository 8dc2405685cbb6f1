package synthetic

import "testing"

func TestArticlesAreDeterministic(t *testing.T) {
	a, pa := Article(7, 3)
	b, pb := Article(7, 3)
	if a != b || !pa.Equal(pb) {
		t.Fatal("the same seed and number gave different articles")
	}
	c, _ := Article(8, 3)
	if a == c {
		t.Error("different seeds gave the same article")
	}
}

func TestCorpusReachesItsSize(t *testing.T) {
	c := Corpus(1, 100_000)
	if len(c) < 100_000 || len(c) > 110_000 {
		t.Errorf("corpus of %d bytes, asked for 100000", len(c))
	}
}
