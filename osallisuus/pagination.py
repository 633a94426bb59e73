"""API pagination shared by every list endpoint: a hard ceiling on the page size."""

from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request

from osallisuus.query_params import int_param


class StandardPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request: Request) -> int:
        """?page_size= within 1..max_page_size; junk gives the default (a page past the end
        is DRF's 404, which the schema documents)."""
        return int_param(
            request.query_params,
            self.page_size_query_param,
            default=self.page_size,
            minimum=1,
            maximum=self.max_page_size,
        )
