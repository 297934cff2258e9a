"""FastAPI: path operation decorators register the endpoint and return it."""

from fastapi import FastAPI

from samples.calls import remember_call

app = FastAPI()


@app.get("/items/{item_id}")
async def read_item(item_id: int, q: str | None = None):
    return remember_call()


@app.post("/items/", status_code=201)
def create_item(name: str, price: float = 0.0, *, draft: bool = False):
    return remember_call()
