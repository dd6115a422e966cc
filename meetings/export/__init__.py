"""Records as open data: the rows of the list-page downloads and of the full export, the CSV
and JSON Lines encoders they share, and the Popolo JSON of people, countries and titles."""
