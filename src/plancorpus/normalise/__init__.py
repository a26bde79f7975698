"""Stage 2: decoded text becomes the normalised text every span points into."""
