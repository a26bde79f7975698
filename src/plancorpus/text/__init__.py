"""Vietnamese strings and offsets: syllables and comparison keys, numerals, the text map."""
