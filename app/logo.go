package app

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"os"

	"golang.org/x/image/draw"
)

// Bounds on the company logo: it prints 38 x 18 mm on a statement, so a
// logo of 600 pixels on its longest side is sharp at 400 dpi and more is
// only weight in every backup.
const (
	// MaxLogoBytes is the largest logo file accepted.
	MaxLogoBytes = 2 << 20
	// MaxLogoPixels is the most pixels a logo may have (width x height),
	// checked before it is decoded: a small file can hold a huge image.
	MaxLogoPixels = 25_000_000
	// LogoSide is the longest side a logo is stored with; a larger one is
	// scaled down, keeping its proportions.
	LogoSide = 600
)

// ReadLogo reads a PNG or JPEG logo from path and returns it ready to
// store (see PrepareLogo). Only a regular file is read, and at most
// MaxLogoBytes of it: a device such as /dev/zero or a pipe is refused before
// anything is read.
func ReadLogo(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read logo: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("read logo %s: not a regular file", path)
	}
	if fi.Size() > MaxLogoBytes {
		return nil, fmt.Errorf("read logo %s: %w", path, errLogoTooLarge(fi.Size()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read logo: %w", err)
	}
	defer f.Close()
	// The file may have grown since Stat: read one byte over the limit to
	// see it.
	b, err := io.ReadAll(io.LimitReader(f, MaxLogoBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read logo %s: %w", path, err)
	}
	b, err = PrepareLogo(b)
	if err != nil {
		return nil, fmt.Errorf("logo %s: %w", path, err)
	}
	return b, nil
}

func errLogoTooLarge(n int64) error {
	return fmt.Errorf("the file is %.1f MB; a logo is at most %d MB", float64(n)/(1<<20), MaxLogoBytes>>20)
}

// PrepareLogo checks a logo and returns the bytes to store: the same bytes
// when the logo is at most LogoSide pixels on its longest side, else the
// logo scaled down to LogoSide in its own format (PNG or JPEG). It refuses
// a logo over MaxLogoBytes or MaxLogoPixels, and anything that is not a
// PNG or JPEG image. An empty logo (none) is returned as is.
func PrepareLogo(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return b, nil
	}
	if len(b) > MaxLogoBytes {
		return nil, errLogoTooLarge(int64(len(b)))
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || (format != "png" && format != "jpeg") {
		return nil, errors.New("the logo is not a PNG or JPEG image")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, errors.New("the logo has no pixels")
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxLogoPixels {
		return nil, fmt.Errorf("the logo is %d x %d pixels; a logo has at most %d megapixels", cfg.Width, cfg.Height, MaxLogoPixels/1_000_000)
	}
	if cfg.Width <= LogoSide && cfg.Height <= LogoSide {
		return b, nil
	}
	src, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("the logo cannot be read: %w", err)
	}
	w, h := scaledSize(cfg.Width, cfg.Height, LogoSide)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	var out bytes.Buffer
	if format == "jpeg" {
		err = jpeg.Encode(&out, dst, &jpeg.Options{Quality: 90})
	} else {
		err = png.Encode(&out, dst)
	}
	if err != nil {
		return nil, fmt.Errorf("scale the logo: %w", err)
	}
	return out.Bytes(), nil
}

// scaledSize fits w x h into side x side, keeping the proportions and at
// least one pixel each way.
func scaledSize(w, h, side int) (int, int) {
	if w >= h {
		return side, max(1, int((int64(h)*int64(side)+int64(w)/2)/int64(w)))
	}
	return max(1, int((int64(w)*int64(side)+int64(h)/2)/int64(h))), side
}
