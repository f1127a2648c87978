package imports_test

import (
	"bytes"
	"runtime"
	"testing"

	"partnerdesk/data/imports"
	"partnerdesk/data/sheet"
)

func liveMB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

func TestF2Mem(t *testing.T) {
	data, look := salesFile(400000)
	t.Logf("file %.1f MB, live %.1f", float64(len(data))/(1<<20), liveMB())
	tab, err := sheet.Read(bytes.NewReader(data), "s.csv")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("after read live %.1f", liveMB())
	b, errs := imports.Convert(imports.Sales, tab, imports.Mapping{}, look)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	t.Logf("after convert live %.1f", liveMB())
	tab = nil
	t.Logf("without table live %.1f (%d)", liveMB(), len(b.Sales))
	runtime.KeepAlive(b)
	runtime.KeepAlive(data)
}
