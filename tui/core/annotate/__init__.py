"""The user's annotation file: safe YAML loading, validation with located errors,
write-back that keeps what the user wrote, and curated claims anchored by quotation."""
