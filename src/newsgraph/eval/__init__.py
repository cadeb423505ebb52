"""Evaluation against public gold data. Each module takes the data folder as an argument; none
is imported by the analysis pipeline, and no test depends on data outside the repository."""
