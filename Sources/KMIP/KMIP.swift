import KMIP
