"""The site: settings, URLs, rendering and its templates, the pages of a build, search indexes,
sitemaps, facts, the site's stylesheet and the site folder kept between builds.
"""
