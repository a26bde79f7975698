"""Stage 3: lines, section labels, the cues stages share, the zones of a document and the
section tree."""
