package i18n

// Catalogue exposes a language's templates to the external tests.
func Catalogue(lang string) map[string]string { return catalogues[lang] }
