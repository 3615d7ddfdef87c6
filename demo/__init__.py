"""Demo content for `manage.py load_demo_content`: texts in `content`, generated illustrations in `images`."""
