package data_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"github.com/shopspring/decimal"
)

var (
	decimalType = reflect.TypeOf(decimal.Decimal{})
	timeType    = reflect.TypeOf(time.Time{})
	rawType     = reflect.TypeOf(json.RawMessage{})
)

// fieldDiffs compares two values of one type field by field: decimals by
// value (2.50 is 2.5), times as instants, JSON documents by content, an
// empty slice as a nil one. Each difference is a sentence naming the field.
func fieldDiffs(name string, want, got any) []string {
	var out []string
	diffValue(name, reflect.ValueOf(want), reflect.ValueOf(got), &out)
	return out
}

func diffValue(path string, w, g reflect.Value, out *[]string) {
	report := func() { *out = append(*out, fmt.Sprintf("%s: %v, want %v", path, g.Interface(), w.Interface())) }
	switch {
	case w.Type() == decimalType:
		if !w.Interface().(decimal.Decimal).Equal(g.Interface().(decimal.Decimal)) {
			report()
		}
		return
	case w.Type() == timeType:
		if !w.Interface().(time.Time).Equal(g.Interface().(time.Time)) {
			report()
		}
		return
	case w.Type() == rawType:
		if !sameJSON(w.Bytes(), g.Bytes()) {
			*out = append(*out, fmt.Sprintf("%s: %s, want %s", path, g.Bytes(), w.Bytes()))
		}
		return
	}
	switch w.Kind() {
	case reflect.Struct:
		for i := 0; i < w.NumField(); i++ {
			// A field kept out of JSON (Sale.CustomerCode) is in no old dump.
			if f := w.Type().Field(i); f.IsExported() && f.Tag.Get("json") != "-" {
				diffValue(path+"."+w.Type().Field(i).Name, w.Field(i), g.Field(i), out)
			}
		}
	case reflect.Slice:
		if w.Len() != g.Len() {
			*out = append(*out, fmt.Sprintf("%s: %d items, want %d", path, g.Len(), w.Len()))
			return
		}
		for i := 0; i < w.Len(); i++ {
			diffValue(fmt.Sprintf("%s[%d]", path, i), w.Index(i), g.Index(i), out)
		}
	case reflect.Pointer:
		if w.IsNil() != g.IsNil() {
			report()
		} else if !w.IsNil() {
			diffValue(path, w.Elem(), g.Elem(), out)
		}
	default:
		if !reflect.DeepEqual(w.Interface(), g.Interface()) {
			report()
		}
	}
}

func sameJSON(a, b []byte) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	var va, vb any
	if json.Unmarshal(a, &va) != nil || json.Unmarshal(b, &vb) != nil {
		return bytes.Equal(a, b)
	}
	return reflect.DeepEqual(va, vb)
}
