"""Language steps that do not depend on the coding dictionaries: sentences, tokens,
dates, quantities and places."""
