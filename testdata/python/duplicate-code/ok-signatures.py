# A function's signature is not compared (pylint's similarity checker leaves signatures out
# by default): two functions with the same long signature and their own bodies are not copies.


def create(
    name: str | None = None,
    title: str | None = None,
    summary: str | None = None,
    description: str | None = None,
    version: str | None = None,
    contact: dict | None = None,
    license_info: dict | None = None,
    servers: list | None = None,
):
    return Application(name, title, summary)


async def update(
    name: str | None = None,
    title: str | None = None,
    summary: str | None = None,
    description: str | None = None,
    version: str | None = None,
    contact: dict | None = None,
    license_info: dict | None = None,
    servers: list | None = None,
):
    await store.save(description, version, contact)
