package data

// EncodeSale and DecodeSale expose the sale codec to the fuzz test.
var (
	EncodeSale  = encodeSale
	DecodeSale  = decodeSale
	EncodeAudit = encodeAudit
)
