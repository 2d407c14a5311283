"""python -m contacts.replica N"""
from .server import main

if __name__ == "__main__":
    main()
