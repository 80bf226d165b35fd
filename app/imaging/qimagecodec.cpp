#include "imaging/qimagecodec.h"
