from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(items, request, per_page):
    """The page of `items` named by ?page=; a bad number gives the first page, one past the end the last."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(max(paginator.num_pages, 1))
