package app_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partnerdesk/app"
)

func pngOf(tb testing.TB, w, h int) []byte {
	tb.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 200, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// pngClaiming is a 1 x 1 PNG whose header claims w x h pixels: decoding
// its configuration is all it takes to see the size.
func pngClaiming(tb testing.TB, w, h uint32) []byte {
	b := pngOf(tb, 1, 1)
	// Signature (8), IHDR length (4) and type (4), then width and height;
	// the chunk's CRC covers type and data (17 bytes from offset 12).
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

func TestPrepareLogo(t *testing.T) {
	small := pngOf(t, 120, 40)
	if got, err := app.PrepareLogo(small); err != nil || !bytes.Equal(got, small) {
		t.Errorf("a 120 x 40 logo: changed (%d bytes) or refused: %v", len(got), err)
	}
	// 1200 x 300 fits 600 on its longest side: 600 x 150.
	got, err := app.PrepareLogo(pngOf(t, 1200, 300))
	if err != nil {
		t.Fatal(err)
	}
	if cfg, format, err := image.DecodeConfig(bytes.NewReader(got)); err != nil || format != "png" || cfg.Width != 600 || cfg.Height != 150 {
		t.Errorf("scaled logo: %s %d x %d, %v; want png 600 x 150", format, cfg.Width, cfg.Height, err)
	}
	// A JPEG stays a JPEG: 800 x 1000 becomes 480 x 600.
	var j bytes.Buffer
	if err := jpeg.Encode(&j, image.NewRGBA(image.Rect(0, 0, 800, 1000)), nil); err != nil {
		t.Fatal(err)
	}
	got, err = app.PrepareLogo(j.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if cfg, format, err := image.DecodeConfig(bytes.NewReader(got)); err != nil || format != "jpeg" || cfg.Width != 480 || cfg.Height != 600 {
		t.Errorf("scaled logo: %s %d x %d, %v; want jpeg 480 x 600", format, cfg.Width, cfg.Height, err)
	}
	refused := []struct {
		name   string
		b      []byte
		reason string
	}{
		// 6000 x 5000 is 30 megapixels, refused before decoding.
		{"30 megapixels", pngClaiming(t, 6000, 5000), "the logo is 6000 x 5000 pixels; a logo has at most 25 megapixels"},
		{"3 MB", append(pngOf(t, 1, 1), make([]byte, 3<<20)...), "the file is 3.0 MB; a logo is at most 2 MB"},
		{"not an image", []byte("GIF89a or text"), "the logo is not a PNG or JPEG image"},
	}
	for _, tt := range refused {
		if _, err := app.PrepareLogo(tt.b); err == nil || err.Error() != tt.reason {
			t.Errorf("%s: err = %v, want %s", tt.name, err, tt.reason)
		}
	}
}

// TestCompanyLogoBounds: `company --logo /dev/zero` grew without bound and
// a file of any size was stored as the logo.
func TestCompanyLogoBounds(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "logo.db")
	if code, _, errs := run(t, db, "init", "--company", "Acme", "--currency", "EUR"); code != 0 {
		t.Fatal(errs)
	}
	big := filepath.Join(dir, "big.png")
	if err := os.WriteFile(big, append(pngOf(t, 1, 1), make([]byte, 3<<20)...), 0o600); err != nil {
		t.Fatal(err)
	}
	large := filepath.Join(dir, "large.png")
	if err := os.WriteFile(large, pngOf(t, 2000, 1000), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ file, want string }{
		{"/dev/zero", "read logo /dev/zero: not a regular file"},
		{dir, "not a regular file"},
		{big, "the file is 3.0 MB; a logo is at most 2 MB"},
	} {
		code, _, errs := run(t, db, "company", "--logo", tt.file)
		if code == 0 || !strings.Contains(errs, tt.want) {
			t.Errorf("company --logo %s: exit %d, %q; want a refusal with %q", tt.file, code, errs, tt.want)
		}
	}
	// A 2000 x 1000 logo is stored as 600 x 300.
	code, out, errs := run(t, db, "company", "--logo", large)
	if code != 0 {
		t.Fatalf("company --logo large.png: %s", errs)
	}
	svc, err := app.OpenService(db, "logo-test")
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	co, err := svc.Company()
	if err != nil {
		t.Fatal(err)
	}
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(co.Logo)); err != nil || cfg.Width != 600 || cfg.Height != 300 {
		t.Errorf("stored logo %d x %d (%v), want 600 x 300; %s", cfg.Width, cfg.Height, err, out)
	}
	// The window saves through SaveCompany: a logo too big is refused there.
	co.Logo = pngClaiming(t, 10000, 10000)
	if err := svc.SaveCompany(co); err == nil || !strings.Contains(err.Error(), "at most 25 megapixels") {
		t.Errorf("SaveCompany with a 100 megapixel logo: %v", err)
	}
}
