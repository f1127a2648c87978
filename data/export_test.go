package data

// CreateV1 writes a schema-1 file for the upgrade tests.
var CreateV1 = createV1

// EncodeSale and DecodeSale expose the sale codec to the fuzz test.
var (
	EncodeSale  = encodeSale
	DecodeSale  = decodeSale
	EncodeAudit = encodeAudit
)
