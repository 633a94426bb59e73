"""Reply templates: kept by coordinators, administrators and unit managers (views, forms,
services), offered to handlers on a feedback item's page (selectors.reply_templates_for)."""
