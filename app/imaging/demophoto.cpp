#include "imaging/demophoto.h"
