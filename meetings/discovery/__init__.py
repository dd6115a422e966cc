"""Findability: sitemap.xml, robots.txt, and redirects from former addresses."""
