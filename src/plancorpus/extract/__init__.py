"""Stage 4: the fields of a plan, each read from its zone: header, names, codes, dates, period,
campaigns, signers, recipients, citations."""
