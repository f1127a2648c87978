package reports_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"partnerdesk/reports"
)

// logo16 is a 16-bit-per-channel PNG, what ImageMagick and some editors
// write; gofpdf reads only 8-bit PNGs.
func logo16(tb testing.TB) []byte {
	tb.Helper()
	img := image.NewRGBA64(image.Rect(0, 0, 60, 20))
	for y := 0; y < 20; y++ {
		for x := 0; x < 60; x++ {
			img.SetRGBA64(x, y, color.RGBA64{0x1b00, 0x5e00, 0x2000, 0xffff})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func TestLogoPrintsWhatever8Or16Bits(t *testing.T) {
	tests := []struct {
		name      string
		logo      func(testing.TB) []byte
		wantImage bool
	}{
		{"8-bit PNG", logoPNG, true},
		{"16-bit PNG", logo16, true},
		{"not an image", func(testing.TB) []byte { return []byte("not an image") }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := demo(t, "en", "Acme Srl")
			st.Company.Logo = tt.logo(t)
			var out bytes.Buffer
			if err := reports.WritePDF(&out, st); err != nil {
				t.Fatal(err)
			}
			// An embedded logo is the document's only image XObject.
			got := bytes.Contains(out.Bytes(), []byte("/Subtype /Image"))
			if got != tt.wantImage {
				t.Errorf("image in the PDF: got %v, want %v", got, tt.wantImage)
			}
		})
	}
}
