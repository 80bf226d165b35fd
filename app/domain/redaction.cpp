#include "domain/redaction.h"
